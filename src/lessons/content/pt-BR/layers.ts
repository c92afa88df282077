import type { LayersText } from '../types.js';

export const layers: LayersText = {
  title: 'Camadas: como os neurônios trabalham em equipe',
  summary: 'Por que vários neurônios em camadas aprendem o que um só não aprende (XOR, rostos, AVC)',
  manyNeurons: `**De um neurônio a um escritório inteiro**
Um neurônio traça uma reta, e isso não basta para a maioria dos problemas: o XOR já precisa de duas. A saída é colocar neurônios lado a lado (uma **camada**) e empilhar camadas, para que os neurônios de depois trabalhem com o que os de antes encontraram.`,
  office: `**A analogia do escritório**
- **Funcionários** (a primeira camada oculta): cada um olha a entrada bruta e dispara quando nota alguma coisa no seu pedacinho. Numa foto, um percebe uma borda, outro uma mancha de cor.
- **Gerentes** (as camadas seguintes): cada um junta os relatórios de vários funcionários num padrão maior. Bordas viram olhos e narizes; olhos e narizes viram rostos.
- **O CEO** (o neurônio de saída): lê os relatórios dos gerentes e dá a palavra final: "cachorro, 92%".
Ninguém distribui essas funções. No começo todo mundo chuta, e os papéis aparecem durante o treino.`,
  matrix: (v) => `**A matemática de uma camada**
Uma camada calcula todos os seus neurônios de uma vez:
\`z = x·W + b\`, depois \`a = f(z)\`
W tem uma linha por entrada e uma coluna por neurônio; cada coluna guarda os pesos de um neurônio, e b guarda um viés por neurônio. As saídas a de uma camada são as entradas da próxima.
Nossa rede ${v.shape} (2 entradas, 4 neurônios ocultos, 1 saída) tem 2·4 + 4 = ${v.first} parâmetros na camada oculta e 4·1 + 1 = ${v.second} na saída: **${v.params}** números para aprender.`,
  xorSolved: (v) => `**XOR resolvido**
Treinamos essa rede 2-4-1 (tanh na camada oculta, sigmoide na saída) com ${v.points} pontos de XOR por ${v.epochs} épocas. Agora ela acerta **${v.accuracy}** deles (os poucos erros são pontos com ruído que escaparam para o quadrante errado), enquanto um neurônio sozinho não passava do chute.
A imagem mostra a decisão dela: cada cor é onde ela responde 0 ou 1. São duas áreas de cada classe, algo que nenhuma reta sozinha consegue desenhar.`,
  boundaryAlt: 'Fronteira de decisão da rede 2-4-1 treinada no XOR: cantos opostos têm a mesma cor.',
  inside: (v) => `**Olhando por dentro**
No diagrama, cada linha é um peso: a cor mostra o sinal e a espessura, o tamanho. Cada neurônio oculto (funcionário) traça a sua própria reta no plano; o neurônio de saída (CEO) soma as opiniões deles, confiando em uns e indo contra outros.
Aqui o CEO escuta mais o **${v.unit}**, com peso ${v.weight}. Juntas, algumas poucas retas recortam o padrão do XOR.`,
  diagramAlt: 'Diagrama da rede 2-4-1 treinada no XOR: linhas coloridas pelo sinal de cada peso, mais grossas para pesos maiores.',
  deepOrWide: `**Larga ou profunda?**
Com neurônios suficientes, até uma única camada oculta aproxima qualquer função contínua tão bem quanto se queira (Cybenko, 1989, e Hornik, 1991). Só que "suficientes" pode ser um número enorme. Empilhar camadas deixa a rede montar padrões a partir de padrões (bordas → olhos → rostos), o que costuma exigir bem menos neurônios: é o "profundo" de deep learning.
O porém: mais parâmetros pedem mais exemplos, senão a rede decora em vez de aprender (veja \`overfitting\`). Próximo: \`activation\`, a curva que faz valer a pena empilhar.`,
};
