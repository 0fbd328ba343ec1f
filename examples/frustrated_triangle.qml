# The frustrated triangle: three spins with antiferromagnetic couplings (J = +1 on every
# edge). No state satisfies all three bonds, so the ground state is six-fold degenerate.
# Exact enumeration gives the ground states, log Z and the thermal averages exactly.
#
# quick:
# Run: qrepl examples/frustrated_triangle.qml

let H = ising(J: {(0, 1): 1.0, (1, 2): 1.0, (0, 2): 1.0})
let s = sample(H, exact(beta: 1.0), reads: 1000, seed: 1)
print("ground energy {s.ground_energy} with {len(s.ground_states)} ground states:")
for g in s.ground_states { print("  {g}") }
# By hand: 2 states have E = 3 (all aligned), 6 have E = -1, so Z = 2 e^-3 + 6 e^1.
let z = 2 * exp(-3.0) + 6 * exp(1.0)
print("log Z = {format(s.log_z, 6)} (by hand {format(log(z), 6)})")
print("<s_i> = {map(s.magnetization, |m| format(m, 6))}, <s_0 s_1> = {format(s.correlations[0][1], 6)}")
print("<s_0 s_1> by hand: {format((2 * exp(-3.0) - 2 * exp(1.0)) / z, 6)}")
print("1000 exact samples, by state (each ground state has probability e / Z = {format(exp(1.0) / z, 4)}):")
for row in s.aggregate() { print("  {row.state}  E = {row.energy}  {row.count}") }
record("log_z", s.log_z)
record("ground_states", len(s.ground_states))
