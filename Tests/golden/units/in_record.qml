# unit literals inside a record print as their SI values
print({time: 5us, temp: 12mK})  # expect: {time: 5e-06, temp: 0.012}
