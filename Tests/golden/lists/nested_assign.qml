# g[i][j] = v changes an element of an inner list
var g = [[0, 0], [0, 0]]
g[1][0] = 7
print(g)  # expect: [[0, 0], [7, 0]]
