# unit literals are plain numbers in arithmetic
print(20ms * 1000)  # expect: 20.0
print(1.5GHz / 1MHz)  # expect: 1500.0
