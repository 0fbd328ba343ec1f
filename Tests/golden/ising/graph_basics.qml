# graphs: sizes, degrees, neighbours, subgraphs and components
let k = complete(5)
print(len(k.nodes), len(k.edges), k.degree(0))        # expect: 5 10 4
let b = bipartite(2, 3)
print(len(b.edges), b.neighbors(0), b.degree(4))      # expect: 6 [2, 3, 4] 2
let g = grid(3, 4)
print(len(g.nodes), len(g.edges), g.neighbors(5))    # expect: 12 17 [1, 4, 6, 9]
let t = grid(3, 4, periodic: true)
print(len(t.edges), t.degree(0), t.neighbors(0))     # expect: 24 4 [1, 3, 4, 8]
print(g.coordinates(7))                              # expect: (1, 3)
let c = cycle(6)
print(c.neighbors(0), len(c.without([0]).edges))     # expect: [1, 5] 4
let two = graph([(0, 1), (1, 2), (5, 6)])
print(two.connected_components())                    # expect: [[0, 1, 2], [5, 6]]
print(len(k.subgraph([0, 1, 2]).edges))              # expect: 3
print(graph([(1, 0), (2, 1)]) == graph([(0, 1), (1, 2)]))  # expect: true
print(complete(3) == cycle(3), complete(4) == cycle(4))    # expect: true false
