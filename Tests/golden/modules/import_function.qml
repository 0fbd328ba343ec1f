# a function defined in an imported module can be called
import "lib/mathutil.qml"
print(double(21))  # expect: 42
