# a while whose condition starts false never runs its body
var ran = false
while false { ran = true }
print(ran)  # expect: false
