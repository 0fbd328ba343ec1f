# A helper module that imports a sibling by a path relative to itself.
import "mathutil.qml"
fn quadruple(x) { double(double(x)) }
