# importing the same module twice runs it only once
import "lib/once.qml"
import "lib/once.qml"
print(once_value)
# expect: once.qml ran
# expect: 7
