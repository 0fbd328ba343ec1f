# the degree of a node the graph lacks
let g = cycle(4)
print(g.degree(9))
# expect error: 3:7: degree: the graph has no node 9
