# The 2-D Ising ferromagnet on an L x L torus, sampled with Gibbs sweeps at a range of
# temperatures. The mean absolute magnetisation falls from 1 towards 0 around the critical
# temperature of the infinite lattice, T_c = 2 / ln(1 + sqrt 2) = 2.269 (Onsager, 1944);
# on a finite lattice the drop is smoothed and shifted slightly.
#
# quick: --quick
# Run: qrepl examples/ferromagnet_gibbs.qml [L] [sweeps] [--quick]

let quick = contains(args, "--quick")
let given = filter(args, |a| not starts_with(a, "--"))
let L = if len(given) > 0 { int(given[0]) } else if quick { 8 } else { 16 }
let sweeps = if len(given) > 1 { int(given[1]) } else if quick { 150 } else { 1000 }
let H = ferromagnet(grid(L, L, periodic: true))
let tc = 2 / log(1 + sqrt(2))
print("{L} x {L} torus, {sweeps} Gibbs sweeps per chain; Onsager T_c = {format(tc, 4)}")
print("   T    <|m|>")
var rows = []
for T in linspace(1.5, 3.5, 11) {
    let s = sample(H, gibbs(sweeps: sweeps, beta: 1 / T), reads: 32, seed: 7,
                   initial: repeat(1, L * L))
    let m = mean(map(s.states, |st| abs(sum(st)) / (L * L)))
    rows.append((T, m))
    print("{pad_left(format(T, 2), 5)}  {format(m, 3)}  {join(repeat("#", round(40 * m)))}")
}
# The temperature where <|m|> crosses 1/2: the finite-size estimate of T_c.
var crossing = nil
for k in 1..<len(rows) {
    let (t0, m0) = rows[k - 1]
    let (t1, m1) = rows[k]
    if crossing == nil and m0 >= 0.5 and m1 < 0.5 {
        crossing = t0 + (m0 - 0.5) * (t1 - t0) / (m0 - m1)
    }
}
print("<|m|> crosses 1/2 at T = {if crossing == nil { "?" } else { format(crossing, 3) }}")
record("crossing_temperature", crossing)
