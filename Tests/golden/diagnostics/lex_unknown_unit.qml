# an unknown unit suffix on a number
let t = 5xs
# expect error: 2:9: invalid number: unknown unit `xs`
