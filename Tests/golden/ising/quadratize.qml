# quadratize keeps every energy: minimising over the auxiliary gives the original value
let x = binaries(3)
let T = 3 * x[0] * x[1] * x[2] - x[0]
let Q = quadratize(T)
print(Q.variables)                        # expect: [0, 1, 2, "aux(0*1)"]
fn best(state) { min(map([0, 1], |y| Q.energy(state + [y]))) }
var ok = true
for a in 0...1 {
    for b in 0...1 {
        for c in 0...1 {
            if best([a, b, c]) != T.energy([a, b, c]) { ok = false }
        }
    }
}
print(ok)                                 # expect: true
