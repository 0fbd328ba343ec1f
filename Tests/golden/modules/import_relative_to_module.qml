# a module's own imports are resolved relative to the module's file
import "lib/chain.qml"
print(quadruple(3))  # expect: 12
