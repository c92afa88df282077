import type { ActivationText } from '../types.js';

export const activation: ActivationText = {
  title: 'Funções de ativação: a curva que faz a profundidade funcionar',
  summary: 'Sigmoide, tanh, ReLU e softmax: o que fazem, suas derivadas e por que as redes precisam delas',
  why: `**Por que não só somar?**
Sem ativação, uma camada é só uma soma ponderada, e uma soma ponderada de somas ponderadas é… outra soma ponderada. Em matemática: (x·W₁)·W₂ = x·(W₁·W₂). Cem camadas assim virariam uma só e continuariam traçando uma única reta.
A ativação coloca uma **dobra** depois de cada soma. São as dobras que deixam uma pilha de camadas desenhar curvas, anéis e espirais.`,
  temperament: `**A analogia: o temperamento**
A ativação é o temperamento do funcionário, o jeito como ele transforma as evidências (z) numa reação (a):
- o funcionário **sigmoide** reage numa escala de "nem um pouco" (0) a "totalmente" (1);
- o funcionário **tanh** também pode discordar: de -1 ("totalmente contra") a +1 ("totalmente a favor");
- o funcionário **ReLU** fica calado até a evidência ser positiva e aí reage na proporção.
Para aprender, importa também a **inclinação** f'(z): ela diz quanto uma pequena mudança em z muda a reação, e a retropropagação multiplica essas inclinações no caminho de volta.`,
  sigmoid: (v) => `**Sigmoide**
\`${v.formula}\`
\`${v.derivative}\`
Calculado pelo motor:
${v.values}
A inclinação é no máximo ${v.peak} (em z = 0) e quase 0 quando |z| é grande: uma sigmoide muito convicta quase não deixa a correção passar de volta. Empilhe muitas e as correções vão sumindo camada após camada: é o problema do **gradiente que desaparece** (vanishing gradient). Hoje a sigmoide aparece mais na saída de redes de sim ou não.`,
  tanh: (v) => `**tanh (tangente hiperbólica)**
\`${v.formula}\`
\`${v.derivative}\`
Calculado pelo motor:
${v.values}
É uma sigmoide esticada e centrada no 0, com inclinação de até 1. Saídas dos dois sinais mantêm equilibradas as entradas da próxima camada, o que costuma deixar o treino mais rápido do que com a sigmoide. Mas ela também achata quando |z| é grande.`,
  relu: (v) => `**ReLU (unidade linear retificada)**
\`${v.formula}\`
\`${v.derivative}\`
Calculado pelo motor:
${v.values}
É barata, e a inclinação é exatamente 1 para todo z positivo, então as correções atravessam muitas camadas sem sumir. Por isso a ReLU virou o padrão das redes profundas por volta de 2010-2012. O ponto fraco: um neurônio cujo z é sempre negativo nunca dispara e nunca aprende (um neurônio "morto"). A **Leaky ReLU** mantém uma inclinação pequena abaixo de zero: \`${v.leaky}\`.`,
  softmax: (v) => `**Softmax: escolher entre várias classes**
Quando o CEO precisa escolher uma entre várias classes (espécies de íris, dígitos), a camada de saída usa a softmax:
\`${v.formula}\`
Ela transforma quaisquer pontuações em probabilidades que somam 1, mantendo a ordem. Exemplo do motor: pontuações z = (${v.z}) → probabilidades (${v.p}), total ${v.sum}.
Cada probabilidade depende de *todas* as pontuações; por isso a derivada dela tem dois índices.`,
  valueLine: (v) => `z = ${v.z}: f(z) = ${v.a}, inclinação ${v.slope}`,
  compare: (v) => `**Mesma rede, outro temperamento**
Treinamos a mesma rede 2-8-1 duas vezes nos pontos do "circle" (uma classe dentro de um anel da outra), mudando só a ativação oculta:
- tanh: acerta **${v.tanhAccuracy}**; a fronteira é uma curva suave;
- ReLU: acerta **${v.reluAccuracy}**; a fronteira é feita de trechos retos, porque cada neurônio ReLU é uma reta dobrada.
As duas dão conta: a ativação define *como* a rede dobra as suas retas. Experimente: \`/train\` com o dataset \`circle\` e a ativação \`relu\`.`,
  tanhAlt: 'Fronteira de decisão de uma rede 2-8-1 com tanh nos dados circle: uma curva fechada e suave.',
  reluAlt: 'Fronteira de decisão de uma rede 2-8-1 com ReLU nos dados circle: um polígono de trechos retos.',
};
