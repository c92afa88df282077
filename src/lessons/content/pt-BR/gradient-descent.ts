import type { GradientDescentText } from '../types.js';

export const gradientDescent: GradientDescentText = {
  title: 'Gradiente descendente: descendo a montanha na neblina',
  summary: 'Como os pesos se movem e o papel da taxa de aprendizado (pequena, certa, grande demais)',
  mountain: `**Descendo uma montanha na neblina**
Imagine que você está numa montanha, no meio de uma neblina fechada, e quer chegar ao vale. Você não enxerga o vale, mas sente a inclinação do chão sob os pés. Então dá um passo morro abaixo, sente de novo, dá outro passo.
A montanha é a perda; a sua posição é o conjunto de todos os pesos (uma direção por peso, milhares delas). A inclinação em todas as direções ao mesmo tempo é o **gradiente**, e a retropropagação é o jeito de medi-lo.`,
  rule: `**A regra**
Para cada peso w:
\`w ← w - η · ∂L/∂w\`
- ∂L/∂w: a inclinação da perda na direção daquele peso (vem da retropropagação);
- o sinal de menos: andar contra a inclinação, morro abaixo;
- η (eta): a **taxa de aprendizado**, o tamanho do passo.
A inclinação diz para onde; a taxa de aprendizado diz quanto. Errar o η é o motivo mais comum de um treino dar errado.`,
  batches: (v) => `**Lotes e épocas**
Calcular a inclinação exata exige olhar todos os exemplos antes de cada passo: é o **gradiente descendente** na forma pura. Na prática, costuma-se estimar a inclinação com um pequeno **mini-lote** aleatório (uns 32 exemplos): mais ruído, mas muito mais passos pelo mesmo trabalho. Isso é o gradiente descendente **estocástico** (SGD). Uma **época** é uma passada por todos os dados.
Nos próximos três posts usamos a forma pura: os ${v.points} pontos do "circle" em todo passo, então uma época = um passo, e só mudamos o η.`,
  tooSmall: (v) => `**η = ${v.rate}: pequeno demais**
Cada passo é minúsculo. Depois de ${v.epochs} passos, a perda foi de ${v.first} para apenas **${v.last}**. Está no caminho certo, mas precisaria de muito mais épocas (e paciência) para chegar lá.`,
  justRight: (v) => `**η = ${v.rate}: na medida**
Mesma rede, mesmos dados, mesmo ponto de partida. A perda vai de ${v.first} para **${v.last}** em ${v.epochs} passos. Passos maiores, mas sob controle: cada um cai mais baixo que o anterior (quase sempre).`,
  tooHigh: (v) => `**η = ${v.rate}: grande demais, diverge**
Agora cada passo passa do vale e cai mais alto na encosta do outro lado, que é mais íngreme, então o passo seguinte é maior ainda… A perda, época por época:
${v.climb}
Em vez de cair, ela **explode**: isso é divergir. O nosso motor fica de olho nisso, parou na época ${v.epoch}, ficou com os melhores pesos que tinha e deu esta mensagem:
> ${v.message}`,
  curveAlt: (v) => `Perda por época do gradiente descendente com todos os pontos, taxa de aprendizado ${v.rate}.`,
  betterWalkers: `**Caminhantes mais espertos**
- **Momento** (Polyak, 1964): uma bola pesada descendo o morro mantém a velocidade, então atravessa pequenas lombadas e ziguezagueia menos.
- **Adam** (Kingma e Ba, 2015): ajusta o tamanho do passo de cada peso a partir do histórico dos seus próprios gradientes. Perdoa mais um η mal escolhido, e é o padrão do \`/train\`.
Regras práticas: se a perda explodir, divida a taxa de aprendizado por 10; se ela se arrastar, multiplique por 3. Experimente: \`/train\` com uma taxa minúscula, depois com uma enorme, e compare as curvas.`,
};
