# layers, chains, optimisers and schedules
let net = chain(dense(2, 8, seed: 1), tanh, dense(8, 1, seed: 2))
print(net, type(net), net.size, len(net.parameters), net.layers[0].weight.shape)
print(net(tensor([[0, 0], [1, 1]])).shape, net(tensor([0, 1])).shape)
let x = tensor([[0, 0], [0, 1], [1, 0], [1, 1]])
let t = tensor([[0], [1], [1], [0]])
let losses = net.fit(x, t, adam(lr: 0.05), steps: 500)
print(losses[0] > 0.1, losses[-1] < 0.01, round(net(x).sum(), digits: 1))
print(sigmoid(0), relu(-2), relu(3), leaky_relu(-2, a: 0.5), softmax(tensor([0, 0])), sigmoid(tensor([0])))
print(leaky_relu(0.1), chain(dense(3, 2), leaky_relu(0.2), relu, sigmoid, softmax))
let layer = dense(3, 2, seed: 4)
let y = layer(tensor([1, 2, 3]))
layer.zero_grad()
let gx = layer.backward(tensor([1, 0]))
print(gx == layer.weight[(nil, 0)], layer.gradients[1])
let sched = linear_decay(0.005, 0.0005, 100)
print(sched, sched.rate(0), sched.rate(50), sched.rate(500), step_decay(0.1, 10).rate(25))
let opt = sgd(lr: sched, momentum: 0.5)
print(opt, opt.lr, opt.steps, adam(lr: 0.01, betas: (0.8, 0.9)))
print(mse(tensor([1, 2]), tensor([1, 4])), cross_entropy(tensor([[0, 0]]), tensor([[1, 0]])))
let c = net.grad(x, t, loss: "mse")
print(c < 0.01, len(net.gradients))
fn message(f) { try { f(); "no error" } catch e { e.message } }
print(message(|| sgd(lr: -1)))
print(message(|| sgd(lr: 0.1, momentum: 1)))
print(message(|| adam(betas: (0.9, 1.5))))
print(message(|| adam(betas: (0.9,))))
print(message(|| linear_decay(0.1, 0.01, 0)))
print(message(|| step_decay(0.1, 10, factor: 2)))
print(message(|| dense(0, 3)))
print(message(|| dense(3, 2)(tensor([1, 2]))))
print(message(|| chain(dense(2, 2), 5)))
print(message(|| net.grad(x, t, loss: "hinge")))
print(message(|| leaky_relu(1.5)))
# expect: chain(dense(2, 8), tanh, dense(8, 1)) [33 parameters] Network 33 4 (2, 8)
# expect: (2, 1) (1,)
# expect: true true 2.0
# expect: 0.5 0.0 3.0 -1.0 tensor([0.5, 0.5]) tensor([0.5])
# expect: leaky_relu(0.1) [0 parameters] chain(dense(3, 2), leaky_relu(0.2), relu, sigmoid, softmax) [8 parameters]
# expect: true tensor([1.0, 0.0])
# expect: linear_decay(0.005, 0.0005, 100) 0.005 0.00275 0.0005 0.025
# expect: sgd(lr: linear_decay(0.005, 0.0005, 100), momentum: 0.5) 0.005 0 adam(lr: 0.01, betas: (0.8, 0.9))
# expect: 2.0 0.6931471805599453
# expect: true 4
# expect: sgd: `lr` must be a positive number or a schedule, got -1.0
# expect: sgd: momentum must be in [0, 1), got 1.0
# expect: adam: betas must be in [0, 1), got (0.9, 1.5)
# expect: adam: `betas` must be two numbers, e.g. (0.9, 0.999)
# expect: linear_decay: linear decay needs at least 1 step, got 0
# expect: step_decay: step decay needs a factor in (0, 1], got 2.0
# expect: dense: a dense layer needs at least one input and one output, got (0, 3)
# expect: dense(3, 2) expects inputs of shape (3,) or (batch, 3), got (2,)
# expect: chain: item 1 of the chain must be a layer, got int
# expect: grad: `loss` must be "mse" or "cross_entropy", got "hinge"
# expect: leaky_relu: the slope `a` must be in [0, 1), got 1.5
