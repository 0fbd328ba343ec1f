# an edge from a node to itself
let g = graph([(0, 1), (2, 2)])
# expect error: 2:9: graph: an edge needs two different nodes, got 2–2
