import type { OverfittingText } from '../types.js';

export const overfitting: OverfittingText = {
  title: 'Sobreajuste (overfitting): quando a rede decora em vez de aprender',
  summary: 'Perda de treino x validação, como perceber a decoreba e como parar na hora certa',
  student: `**Dois estudantes**
Dois estudantes se preparam para uma prova com as questões do ano passado. Um entende por que cada resposta está certa. O outro decora as respostas, até os erros de digitação. Nas questões do ano passado os dois tiram 100%. Em questões novas, só o primeiro vai bem.
Uma rede com pesos de sobra pode fazer o que o segundo estudante faz: decorar os exemplos de treino, ruído incluído. Isso é o **sobreajuste** (overfitting). A nota nos dados de treino parece ótima e não diz nada sobre dados novos.`,
  heldOut: `**A solução começa separando dados**
Dividimos os exemplos antes de treinar:
- linhas de **treino**: a rede aprende com elas;
- linhas de **validação**: um simulado, conferido a cada época, do qual a rede nunca aprende;
- linhas de **teste**: a prova de verdade, usada uma única vez, no fim.
Enquanto a rede aprende padrões reais, a perda de validação cai junto com a de treino. Quando ela começa a decorar, a perda de validação volta a subir.`,
  experiment: (v) => `**Um experimento feito para sobreajustar**
Dados "moons" (duas meias-luas encaixadas) com bastante ruído: ${v.fit} pontos para aprender e ${v.validation} separados para validação. A rede é grande demais para isso: ${v.shape}, **${v.params}** pesos e vieses para ${v.fit} pontos. Treinamos por ${v.epochs} épocas, sem parada antecipada, e acompanhamos as duas perdas.`,
  curveAlt: 'Perda de treino caindo até o fim; perda de validação cai e depois volta a subir; a melhor época está marcada.',
  curves: (v) => `**O que as curvas dizem**
- Perda de treino: ${v.trainFirst} → **${v.trainLast}**. Ela não para de cair: a rede se ajusta cada vez melhor aos seus exemplos.
- Perda de validação: mínima na época **${v.best}** (${v.valBest}), depois sobe de volta até **${v.valLast}**.
A partir da época ${v.best}, cada melhora nos dados de treino é ruído decorado, e isso custa acertos em pontos novos: acurácia de validação de ${v.accBest} na melhor época e ${v.accLast} no fim. (A acurácia mexe menos que a perda: a rede também fica convicta demais nos pontos que erra.)`,
  boundaries: (v) => `**No mapa**
As duas imagens mostram os pontos de validação, com os quais a rede nunca treinou.
- Na época ${v.best} (a menor perda de validação), a fronteira é uma curva simples entre as duas luas.
- Na época ${v.epochs}, ela se contorce em volta de pontos isolados do treino, criando ilhas para um ruído que não vai estar nos dados novos.`,
  bestTitle: (v) => `Menor perda de validação: época ${v.epoch}`,
  bestAlt: (v) => `Época ${v.epoch}: uma fronteira de decisão suave entre as duas luas (pontos de validação).`,
  lastTitle: (v) => `Depois da época ${v.epoch}`,
  lastAlt: (v) => `Época ${v.epoch}: uma fronteira de decisão retorcida, que contorna pontos com ruído.`,
  remedies: `**Como evitar**
- **Parada antecipada** (early stopping): acompanhar a perda de validação e parar quando ela passa um tempo sem melhorar (a "paciência"), ficando com os pesos da melhor época. O \`/train\` faz isso por padrão.
- **Mais dados**: o ruído se cancela; os padrões reais, não.
- **Uma rede menor**: menos pesos, menos espaço para decorar.
- **Regularização L2** (weight decay): uma penalidade para pesos grandes, que deixa a fronteira mais suave (a opção \`l2\`).
- **Dropout** (Srivastava, Hinton e colegas, 2014): desligar neurônios ao acaso durante o treino. O nosso motor ainda não tem.`,
  rule: `**A regra para guardar**
Avalie uma rede só com dados dos quais ela nunca aprendeu. Escolha as configurações (épocas, tamanho, limiar) olhando a validação, e use o teste uma vez só, no fim; senão a nota do teste vira mais uma coisa ajustada.
Com poucos dados, uma única divisão depende da sorte, então o \`/train\` também faz validação cruzada (a opção \`folds\`): treina k vezes, testando cada vez numa parte diferente dos dados, e mostra a média e a variação.`,
};
