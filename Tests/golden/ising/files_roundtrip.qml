# models, sample sets, arrays and tables written by save read back identically
let H = ising(h: [0.5, -1.0], J: {(0, 1): -1.5}, offset: 0.25)
save(H, "/tmp/qrepl-golden-h.json")
save(H, "/tmp/qrepl-golden-h.coo")
save(H, "/tmp/qrepl-golden-h.qubo")
print(load_bqm("/tmp/qrepl-golden-h.json") == H)                          # expect: true
print(load_bqm("/tmp/qrepl-golden-h.coo").energy([1, -1]), H.energy([1, -1]))   # expect: 3.25 3.25
let Q = load_bqm("/tmp/qrepl-golden-h.qubo")
print(Q.vartype, Q.energy([1, 0]))                                        # expect: binary 3.25
let s = sample(H, exact(), reads: 20, seed: 2)
save(s, "/tmp/qrepl-golden-s.json")
let t = load_samples("/tmp/qrepl-golden-s.json")
print(t.states == s.states, t.energies == s.energies)                     # expect: true true
save([[1, 2], [3, 4]], "/tmp/qrepl-golden-m.npy")
print(read_npy("/tmp/qrepl-golden-m.npy"))                                # expect: [[1.0, 2.0], [3.0, 4.0]]
save([{x: 1, name: "a,b"}, {x: 2.5, name: "c"}], "/tmp/qrepl-golden-t.csv")
print(read_csv("/tmp/qrepl-golden-t.csv"))                                # expect: [{x: 1, name: "a,b"}, {x: 2.5, name: "c"}]
