# Hamiltonians built from symbolic variables; spins square to 1, binaries to themselves
let s = spins(3)
let H = (s[0] + s[1] - 1)^2
print(H)                                   # expect: Hamiltonian(2*s[0]*s[1] - 2*s[0] - 2*s[1] + 3)
print(H.energy([1, 1]), H.energy([1, -1]), H.energy([-1, -1]))   # expect: 1.0 1.0 9.0
print(H.J, H.h, H.offset)                  # expect: {(0, 1): 2.0} {0: -2.0, 1: -2.0} 3.0
let x = binaries(2)
print((x[0] + x[1])^2)                     # expect: Hamiltonian(2*x[0]*x[1] + x[0] + x[1])
print(s[0]^7, x[1]^4)                      # expect: Hamiltonian(s[0]) Hamiltonian(x[1])
let a = spin("a")
let b = spin("b")
print(2 * a * b - a + 0.5)                 # expect: Hamiltonian(2*a*b - a + 0.5)
print(sum(map(0..<3, |i| s[i])).variables) # expect: [0, 1, 2]
let T = s[0] * s[1] * s[2]
print(T.order, T.energy([1, -1, -1]))     # expect: 3 1.0
