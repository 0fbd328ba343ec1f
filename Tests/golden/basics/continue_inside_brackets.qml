# line breaks inside ( ) and [ ] do not end the statement
let xs = [
    1,
    2,
    3,
]
print(xs)  # expect: [1, 2, 3]
print(
    len(xs)
)  # expect: 3
