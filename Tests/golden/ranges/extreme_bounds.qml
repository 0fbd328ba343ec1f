# ranges at the limits of 64-bit integers count and test membership without overflow
print(len(0...9223372036854775807))          # expect: 9223372036854775807
print(5 in 0...9223372036854775807)          # expect: true
let m = -9223372036854775808
print(m)                                     # expect: -9223372036854775808
print(len(m..<m))                            # expect: 0
print(len(m...m))                            # expect: 1
print(len(range(0, 9223372036854775807, -1)))  # expect: 0
print(len(range(0, -10, m)))                 # expect: 1
print(len(range(10, 0, -3)))                 # expect: 4
print(3 in range(10, 0, -1), 11 in range(10, 0, -1))  # expect: true false
print(4 in range(0, 10, 2), 5 in range(0, 10, 2))     # expect: true false
print(range(10, 0, -3)[-1])                  # expect: 1
