# A root module that calls a local module holding one object of every
# area: every finding on them must name the call (module.platform...).
module "platform" {
  source = "./modules/x"
  name   = "prod"
}
