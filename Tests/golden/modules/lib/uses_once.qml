# A helper module that imports once.qml too.
import "once.qml"
let doubled_once = once_value * 2
