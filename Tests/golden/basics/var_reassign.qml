# a var binding can be given a new value
var lr = 0.0025
lr = lr * 0.5
print(lr)  # expect: 0.00125
