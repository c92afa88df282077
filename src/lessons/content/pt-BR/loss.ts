import type { LossText } from '../types.js';

export const loss: LossText = {
  title: 'A perda: como uma rede mede os próprios erros',
  summary: 'Erro quadrático e entropia cruzada: o número que o treino tenta diminuir',
  score: `**O CEO precisa de uma nota**
Antes de melhorar, o escritório precisa saber o quanto está errando. O CEO compara as respostas da rede com o **gabarito** (os rótulos dos exemplos) e resume todos os erros num número só: a **perda** (loss).
- 0 quer dizer que todas as respostas estão perfeitas; quanto maior, pior.
- Treinar é exatamente isto: mudar os pesos para a perda cair.
A fórmula escolhida decide o que conta como um erro "grave".`,
  squared: (v) => `**Erro quadrático**
A escolha mais simples, para prever números:
\`${v.formula}\`
Valores do motor, com gabarito y = 1:
- previsão ${v.pClose}: perda ${v.close};
- previsão ${v.pFar}: perda ${v.far}.
Elevar ao quadrado deixa todo erro positivo e pune erros grandes muito mais do que os pequenos. É a perda natural para prever números (preços, temperaturas).`,
  crossEntropy: (v) => `**Entropia cruzada, para respostas de sim ou não**
Quando a saída é uma probabilidade p de "sim":
\`${v.formula}\`
Pense numa prova em que você aposta nas respostas: errar com convicção custa muito mais do que ficar em dúvida. Valores do motor, resposta certa y = 1:
- p = ${v.pSure} (convicto e certo): perda **${v.sure}**
- p = ${v.pUnsure} (em dúvida): perda **${v.unsure}**
- p = ${v.pWrong} (convicto e errado): perda **${v.wrong}**
Quando p se aproxima de 0, a perda cresce sem limite. Com várias classes a ideia é a mesma: -log da probabilidade dada à classe certa.`,
  push: (v) => `**O primeiro empurrão da correção**
O treino não precisa da perda em si, e sim da sua **inclinação**: quanto a perda muda quando a soma z do neurônio de saída muda. Para sigmoide + entropia cruzada ela é surpreendentemente simples:
\`∂L/∂z = p - y\` (previsão menos resposta)
- p = ${v.pSure}, y = 1: ${v.sureGrad} (um toque de leve)
- p = ${v.pWrong}, y = 1: ${v.wrongGrad} (um empurrão forte)
Quanto mais errada, mais forte o empurrão. Com erro quadrático, a cauda achatada da sigmoide atrapalha: em p = ${v.pWrong} a mesma inclinação é só ${v.mseWrongGrad}, e uma rede errada com convicção quase não aprende. É por isso que redes de sim ou não usam entropia cruzada.`,
  average: (v) => `**Um número para o conjunto inteiro**
A perda de um conjunto de treino é a média sobre os exemplos. A imagem mostra essa média para a rede de XOR da lição \`layers\`: **${v.first}** na primeira época, **${v.last}** na época ${v.epochs}.
Essa curva caindo é o batimento cardíaco de todo treino: o \`/train\` mostra a dos seus próprios treinos.`,
  curveAlt: 'Perda por época da rede 2-4-1 aprendendo XOR: começa alta e cai em direção a zero.',
  notAccuracy: `**Por que não treinar direto na acurácia?**
A acurácia (a fração de acertos) é o que todo mundo quer ouvir, mas ela é uma escada: mexa um pouquinho num peso e quase sempre nenhuma resposta muda, então a acurácia fica igual e não aponta direção nenhuma. A perda é suave: cada ajuste a muda um pouco, então ela tem inclinação em todo lugar, e a inclinação diz para que lado fica a descida.
Resumo: treine na perda; relate acurácia, AUC e sensibilidade (veja \`imbalance\`). Próximo, \`backprop\`: como essa inclinação chega a cada peso.`,
};
