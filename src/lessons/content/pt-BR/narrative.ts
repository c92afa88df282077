import type { NarrativeText } from '../types.js';

export const narrative: NarrativeText = {
  title: (v) => `A história do seu treino em ${v.dataset}`,
  overview: (v) => `**A história deste treino**
Dados: \`${v.dataset}\`, ${v.rows} linhas. Rede: **${v.shape}** (camadas ocultas: ${v.hidden}), ${v.params} pesos e vieses, todos aleatórios no início.
Treino: ${v.optimizer} com taxa de aprendizado ${v.rate}, mini-lotes de ${v.batch}, no máximo ${v.epochs} épocas.
Na linguagem do escritório: os neurônios ocultos são os funcionários (e os gerentes, se houver várias camadas); o neurônio de saída é o CEO, que dá a palavra final.`,
  noHidden: 'nenhuma (o CEO lê as entradas direto)',
  diagramAlt: 'Diagrama da rede treinada: linhas coloridas pelo sinal de cada peso, mais grossas para pesos maiores.',
  lossWithValidation: (v) => `**Como a perda caiu**
- Perda de treino: **${v.trainFirst}** na época 1, **${v.trainLast}** na época ${v.epochs}.
- Perda de validação (linhas com as quais ela nunca aprendeu): ${v.valFirst} no início, a melhor **${v.valBest}** na época **${v.best}**, a última **${v.valLast}**.
${
    String(v.best) === String(v.epochs)
      ? 'A perda de validação ainda caía na última época: mais épocas talvez ajudem.'
      : `A época ${v.best} é onde a perda de validação parou de melhorar: dali em diante, treinar mais não ajudou com dados novos.`
  }`,
  lossTrainOnly: (v) => `**Como a perda caiu**
Perda de treino: **${v.trainFirst}** na época 1, a melhor **${v.trainBest}**, a última **${v.trainLast}** na época ${v.epochs}. Não havia linhas de validação, então não dá para distinguir aprendizado de decoreba.`,
  neverImproved: `**Como a perda caiu**
Não caiu: nenhuma época superou os pesos aleatórios iniciais nas linhas de validação. Tem algo errado: tente uma taxa de aprendizado menor, ou confira os dados.`,
  curveAlt: 'Perda de treino e de validação por época deste treino.',
  staffIntro: `**Quem acabou fazendo o quê**
Ninguém distribuiu esses papéis; foi o treino. Para cada neurônio, as entradas que ele mais escuta (maiores pesos; + quer dizer "me empurra para cima", - quer dizer "me empurra para baixo"):`,
  employees: '**Funcionários** (primeira camada oculta):',
  managers: (v) => `**Gerentes** (camada ${v.layer}):`,
  ceo: '**O CEO** (saída):',
  staffLine: (v) => `${v.name} ← ${v.inputs}`,
  moreNeurons: (v) => `… e mais ${v.count}, que a camada seguinte escuta menos`,
  ceoDirect: (v) => `Não há camadas ocultas: o CEO pondera as entradas diretamente. As mais fortes: ${v.inputs}.`,
  traceForward: (v) => `**Um exemplo, na ida**
A linha ${v.row} dos dados, separada para validação, é uma que a rede acha difícil. Classe real: **${v.label}**. Ela atravessa a rede (a imagem pinta cada neurônio pela sua ativação) e o CEO responde ${v.output}.
Com o limiar de decisão ${v.threshold}, isso quer dizer: **${v.decision}**.`,
  traceMulticlass: (v) => `**Um exemplo, na ida**
A linha ${v.row} dos dados, separada para validação, é uma que a rede acha difícil. Classe real: **${v.label}**. Ela atravessa a rede (a imagem pinta cada neurônio pela sua ativação) e o CEO responde: ${v.output}. A escolha dele: **${v.decision}**.`,
  activationsAlt: 'A rede com cada neurônio pintado pela sua ativação para um exemplo de validação.',
  traceBackward: (v) => `**O mesmo exemplo, na volta**
A perda neste exemplo é ${v.loss}. A culpa do CEO (δ = previsão menos resposta): ${v.outputDelta}. Repassada de volta pelos pesos, o neurônio mais culpado em cada camada oculta:
${v.lines}
É isso que a retropropagação calcula para cada exemplo, e depois os pesos andam um pouco no sentido contrário (veja \`backprop\`).`,
  blameLine: (v) => `camada ${v.layer}: ${v.name}, δ = ${v.delta}`,
  blameAlt: 'A rede com cada neurônio pintado pela sua parcela de culpa neste exemplo.',
  verdictBinary: (v) => `**O veredito honesto** (${v.samples} linhas de teste que a rede nunca viu)
- AUC ROC **${v.auc}** (0,5 = cara ou coroa, 1 = perfeito)
- sensibilidade ${v.recall}, precisão ${v.precision}
- acurácia ${v.accuracy}, contra ${v.baseline} de sempre responder a classe mais comum`,
  verdictMulticlass: (v) => `**O veredito honesto** (${v.samples} linhas de teste que a rede nunca viu)
- acurácia **${v.accuracy}**, contra ${v.baseline} de sempre responder a classe mais comum
- sensibilidade média entre as classes ${v.recall}; AUC ROC média ${v.auc}`,
  imbalanced: (v) => `⚠️ Dados desbalanceados: a classe mais rara é só ${v.rate} das linhas, então responder "não" toda vez já dá ${v.baseline}. Julgue este treino pela AUC e pela sensibilidade, não pela acurácia.`,
  beatsBaseline: 'A acurácia dela supera a linha de base da classe majoritária.',
  belowBaseline: 'A acurácia dela não supera a linha de base da classe majoritária. Em dados desbalanceados esse pode ser o preço de encontrar a classe rara (confira a sensibilidade); fora isso, a rede aprendeu pouco.',
  weakRanking: (v) => `⚠️ Uma AUC de ${v.auc} é quase cara ou coroa: a rede mal separa as classes.`,
  overfit: (v) => `⚠️ Sinais de sobreajuste: a perda de validação era ${v.valBest} na época ${v.best} e terminou em ${v.valLast}, enquanto a de treino continuava caindo. Tente parada antecipada, L2 ou uma rede menor.`,
  earlyStopped: (v) => `A parada antecipada encerrou o treino e ficou com os pesos da época ${v.epoch}.`,
  diverged: (v) => `⚠️ ${v.message}`,
  aborted: '⚠️ O treino foi cancelado antes de terminar: estes são os pesos que ele tinha naquele momento.',
  confusionAlt: 'Matriz de confusão das linhas de teste: classes reais contra previstas.',
  rocAlt: 'Curva ROC nas linhas de teste.',
};
