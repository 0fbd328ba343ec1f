# A named tuple is a record written with parentheses.
let noise = (h: 0.05, J: 0.02)
print(noise)
# expect: {h: 0.05, J: 0.02}
print(noise.J)
# expect: 0.02
let range = (h: (-2, 2), J: (-1, 1))
print(range.h[1])
# expect: 2
print((h: 1) == {h: 1})
# expect: true
let multi = (
    lr: 0.1,
    steps: 3,
)
print(multi.steps)
# expect: 3
