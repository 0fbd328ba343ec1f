# Max-cut as a QUBO built symbolically, solved with simulated annealing.
#
# Split the nodes of a graph into two sides so that as many edges as possible cross.
# With x_i = 1 for one side, edge (i, j) is cut exactly when x_i + x_j - 2 x_i x_j = 1,
# so minimising H = -sum over edges of that expression maximises the cut. On 16 nodes
# exact enumeration confirms the annealer's answer.
#
# quick:
# Run: qrepl examples/maxcut.qml

let g = random_regular(16, 3, seed: 5)
let x = binaries(len(g.nodes))
let H = -sum(map(g.edges, |e| x[e[0]] + x[e[1]] - 2 * x[e[0]] * x[e[1]]))
print("graph: {len(g.nodes)} nodes, {len(g.edges)} edges; H has {len(H.J)} couplings")

let s = sample(H, sa(sweeps: 500), reads: 50, seed: 11)
let best = s.lowest
let side = best.state
let crossing = filter(g.edges, |e| side[e[0]] != side[e[1]])
print("simulated annealing: best cut {len(crossing)} edges (energy {best.energy})")
print("one side: {filter(g.nodes, |v| side[v] == 1)}")
let hits = len(filter(s.energies, |e| e == best.energy))
print("{hits} of {s.size} reads reached it")

let truth = sample(H, exact(), reads: 0)
print("exact enumeration: largest cut {-truth.ground_energy} edges, {len(truth.ground_states)} optimal partitions")
assert(best.energy == truth.ground_energy, "annealing should find the optimum here")
record("max_cut", len(crossing))
record("sa_hit_fraction", hits / s.size)
