# modules that import each other
import "lib/cycle_a.qml"
# expect error: lib/cycle_b.qml:2:1: import cycle: cycle_a.qml imports cycle_b.qml imports cycle_a.qml
