# us is microseconds, stored in seconds
print(5us)  # expect: 5e-06
