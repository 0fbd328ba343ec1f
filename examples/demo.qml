# Exact thermodynamics of the 2D Ising ferromagnet on an L x L torus.
#
# Every one of the 2^(L*L) spin states is visited once, in Gray-code order (one spin
# flips per step, so the energy changes by a local term), and the density of states
# g(E, |M|) is tabulated. Any thermal average at any temperature then follows exactly:
#   Z(T) = sum over (E, M) of g(E, M) exp(-E / T)
# Energies use the convention E(s) = sum_{i<j} J_ij s_i s_j with J_ij = -1 on each bond
# (a ferromagnet), so the ground states (all up, all down) have E = -2 L^2.
#
# quick: --quick
# Run: qrepl examples/demo.qml            (L = 4, 65 536 states)
#      qrepl examples/demo.qml 3          (a quicker 3 x 3 lattice)

let given = filter(args, |a| not starts_with(a, "--"))
let L = if len(given) > 0 { int(given[0]) } else if contains(args, "--quick") { 3 } else { 4 }
let n = L * L
assert(n <= 20, "enumeration is meant for at most 20 spins")

fn site(r, c) { ((r + L) % L) * L + (c + L) % L }
let neighbors = map(0..<n, |i| [site(i // L - 1, i % L), site(i // L + 1, i % L),
                                site(i // L, i % L - 1), site(i // L, i % L + 1)])

# The position of the lowest set bit of k: the spin that flips at Gray-code step k.
fn lowest_bit(k) {
    var b = 0
    var x = k
    while x % 2 == 0 { x = x // 2; b += 1 }
    b
}

let t0 = clock()
var spins = repeat(1, n)
var energy = -2 * n
var magnet = n
var dos = from_pairs()
dos[(energy, magnet)] = 1
for k in 1..<(2 ^ n) {
    let i = lowest_bit(k)
    var field = 0
    for j in neighbors[i] { field += spins[j] }
    # flipping s_i changes E by 2 s_i * sum of neighbours (J = -1)
    energy += 2 * spins[i] * field
    magnet -= 2 * spins[i]
    spins[i] = -spins[i]
    let key = (energy, abs(magnet))
    dos[key] = get(dos, key, default: 0) + 1
}
let elapsed = clock() - t0

let states = sum(values(dos))
let ground = min(map(keys(dos), |k| k[0]))
let ground_count = sum(map(filter(items(dos), |kv| kv[0][0] == ground), |kv| kv[1]))
print("{L} x {L} torus: {states} states enumerated in {format(elapsed, 2)} s")
print("ground energy {ground} with {ground_count} ground states (expected {-2 * n} and 2)")
assert(states == 2 ^ n, "every state must be counted once")

# Thermal averages from the density of states, per spin.
fn thermo(T) {
    var z = 0.0
    var e1 = 0.0
    var e2 = 0.0
    var m1 = 0.0
    for ((e, m), g) in dos {
        let w = g * exp(-(e - ground) / T)
        z += w
        e1 += w * e
        e2 += w * e * e
        m1 += w * m
    }
    let mean_e = e1 / z
    {T: T, energy: mean_e / n, heat: (e2 / z - mean_e ^ 2) / (T * T * n), magnetization: m1 / z / n}
}

let table = map(linspace(1.0, 4.0, 16), thermo)
print("")
print("    T    E/N     |M|/N   C/N")
let peak = max(map(table, |row| row.heat))
for row in table {
    let bar = join(repeat("#", round(30 * row.heat / peak)))
    print("{pad_left(format(row.T, 2), 5)} {pad_left(format(row.energy, 3), 7)} {pad_left(format(row.magnetization, 3), 7)} {pad_left(format(row.heat, 3), 6)}  {bar}")
}
let hottest = max(table, key: |row| row.heat)
print("")
print("specific heat peaks near T = {format(hottest.T, 2)} (the infinite lattice orders at T = 2.269)")
record("lattice", L)
record("states", states)
record("peak_temperature", hottest.T)
record("peak_heat_per_spin", hottest.heat)
