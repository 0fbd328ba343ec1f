# verify() names the first way an embedding fails
let K3 = complete(3)
let G = grid(2, 3)
print(embedding([[0, 3], [1], [2, 4, 5]], K3, G).verify())   # expect: true
let checks = [
    embedding([[0, 3], [], [2, 4, 5]], K3, G),
    embedding([[0, 3], [1, 3], [2, 4, 5]], K3, G),
    embedding([[0, 5], [1], [2, 4]], K3, G),
    embedding([[0], [1], [5]], K3, G),
]
for e in checks {
    print(try { e.verify() } catch err { err.message })
}
# expect: verify: the chain of 1 is empty
# expect: verify: qubit 3 is in the chains of both 0 and 1
# expect: verify: the chain of 0 is not connected in the target: qubit 5 is cut off from qubit 0
# expect: verify: the source edge 0–2 has no target edge between their chains
embedding([[0, 3], [1]], K3, G)
# expect error: 18:1: embedding: `chains` has 2 chains but the source graph has 3 nodes
