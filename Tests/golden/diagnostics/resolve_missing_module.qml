# importing a file that does not exist
import "no_such_module.qml"
# expect error: 2:1: cannot find module "no_such_module.qml"
