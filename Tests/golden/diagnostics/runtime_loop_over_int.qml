# looping over a number
for x in 5 { print(x) }
# expect error: 2:10: cannot loop over int
