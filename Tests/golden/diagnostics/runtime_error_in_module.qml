# a runtime error inside an imported module
import "lib/failing.qml"
# expect error: lib/failing.qml:3:14: index 7 out of range for list of 2 elements
