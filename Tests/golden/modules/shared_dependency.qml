# a module reached through two imports still runs only once
import "lib/once.qml"
import "lib/uses_once.qml"
print(doubled_once)
# expect: once.qml ran
# expect: 14
