# a let defined in an imported module is visible
import "lib/mathutil.qml"
print(answer)  # expect: 42
