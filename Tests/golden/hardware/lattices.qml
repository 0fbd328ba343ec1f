# hardware lattices have the published sizes, D-Wave's numbering and coordinates
let c = chimera(16)
print(c)                                   # expect: Graph(2048 nodes, 6016 edges: chimera(16))
print(chimera(12).nodes[-1])               # expect: 1151
print(chimera(2, 3, 2))                    # expect: Graph(24 nodes, 38 edges: chimera(2, 3, 2))
print(c.coordinates(151))                  # expect: (1, 2, 1, 3)
print(c.neighbors(0))                      # expect: [4, 5, 6, 7, 128]
print(c.topology)                          # expect: {family: "chimera", m: 16, n: 16, t: 4, coordinates: ["i", "j", "u", "k"]}
let p = pegasus(16)
print(p)                                   # expect: Graph(5640 nodes, 40484 edges: pegasus(16))
print(p.nodes[0], p.coordinates(30))       # expect: 30 (0, 0, 2, 0)
print(max(map(p.nodes, |q| p.degree(q)))) # expect: 15
let z = zephyr(4)
print(z)                                   # expect: Graph(576 nodes, 5032 edges: zephyr(4))
print(z.coordinates(575))                  # expect: (1, 8, 3, 1, 3)
print(zephyr(1, t: 2))                     # expect: Graph(24 nodes, 76 edges: zephyr(1, 2))
print(hardware_graph("C12"))               # expect: Graph(1152 nodes, 3360 edges: chimera(12))
print(complete(3).topology)                # expect: nil
