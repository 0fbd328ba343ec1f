# a block comment can span lines and hides the code inside it
#[
print(99)
let x = 1
]#
print(1)  # expect: 1
