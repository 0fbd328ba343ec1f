# Part of an import cycle: imports cycle_b, which imports this file.
import "cycle_b.qml"
let a_value = 1
