# code may follow a block comment on the same line
#[ a block #[ nested ]# comment ]# let y = 0x1F + 1_000
print(y)  # expect: 1031
