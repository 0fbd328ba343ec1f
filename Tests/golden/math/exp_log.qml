# exp and the natural log
print(exp(0))  # expect: 1.0
print(log(1))  # expect: 0.0
print(exp(1))  # expect: 2.718281828459045
print(log(exp(2)))  # expect: 2.0
