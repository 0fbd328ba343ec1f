# Part of an import cycle: imports cycle_a.
import "cycle_a.qml"
let b_value = 2
