# format rounds to the nearest value at that precision
print(format(2.71828, 3))  # expect: 2.718
print(format(1.996, 2))  # expect: 2.00
