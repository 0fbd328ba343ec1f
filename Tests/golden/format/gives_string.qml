# format returns a string that can be interpolated
let loss = 0.123456
print("loss {format(loss, 3)}")  # expect: loss 0.123
print(type(format(1.0, 2)))  # expect: string
