# a while loop with a float condition
var k = 1.0
var steps = 0
while k > 0.1 {
    k = k / 2
    steps += 1
}
print(steps)  # expect: 4
print(k)  # expect: 0.0625
