# when nothing is raised, try has the value of its block
let r = try { 1 + 1 } catch e { 0 }
print(r)  # expect: 2
