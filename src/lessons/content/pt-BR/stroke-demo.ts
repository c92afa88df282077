import type { StrokeDemoText } from '../types.js';

export const strokeDemo: StrokeDemoText = {
  title: 'Previsão de AVC, passo a passo: o pipeline inteiro',
  summary: 'A demonstração de AVC do bot, dos dados brutos a um veredito honesto (aqui, dados sintéticos)',
  intro: (v) => `**A demonstração de AVC, de ponta a ponta**
Será que uma rede pequena consegue apontar pacientes com risco de AVC a partir de dez informações do dia a dia (idade, pressão, glicose…)? Este fio segue o pipeline real do bot nos dados de AVC, com cada número calculado agora:
dados → divisão → pré-processamento → rede → treino → limiar → teste → o que ela aprendeu.
As colunas seguem o Stroke Prediction Dataset, de fedesoriano (Kaggle).
_${v.notice}_`,
  data: (v) => `**1. Os dados**
${v.rows} pacientes, uma linha cada. As colunas que a rede vê: ${v.columns}. O alvo é \`stroke\` (0 ou 1).
- ${v.positives} AVCs (${v.rate}): bem desbalanceado (veja \`imbalance\`).
- ${v.missingBmi} pacientes estão sem IMC (\`bmi\`) registrado.
- Algumas colunas são números (idade, glicose), outras são categorias (tipo de trabalho, tabagismo).`,
  preprocessing: (v) => `**2. Primeiro dividir, depois pré-processar**
- ${v.test} pacientes ficam reservados como conjunto de **teste**, usado uma vez no fim. A divisão é estratificada: cada parte mantém a mesma proporção de AVCs.
- O resto é dividido em ${v.fit} pacientes de **treino** e ${v.validation} de **validação**.
Depois, ajustado só nas linhas de treino:
- IMC faltando → a mediana do treino;
- números padronizados: z = (x - média) / desvio padrão, para idade e glicose falarem no mesmo volume;
- categorias em one-hot: "smoking_status = smokes" vira uma entrada 0/1 própria.
Resultado: **${v.inputs}** entradas. Ajustar em todas as linhas vazaria os dados de teste para o treino.`,
  network: (v) => `**3. A rede e a receita**
${v.shape}: ${v.hidden} funcionários tanh e um CEO sigmoide que dá P(AVC); ${v.params} parâmetros.
- perda: entropia cruzada com pesos de classe, para os AVCs responderem por metade dela;
- otimizador: Adam, taxa de aprendizado ${v.rate}, mini-lotes de ${v.batch};
- regularização L2 de ${v.l2}, contra a decoreba;
- no máximo ${v.epochs} épocas, com parada antecipada quando a perda de validação passa ${v.patience} épocas sem melhorar.`,
  diagramAlt: 'Diagrama da rede de AVC: entradas à esquerda, neurônios ocultos e a probabilidade de AVC à direita.',
  training: (v) => `**4. O treino**
O treino rodou ${v.epochs} épocas (${v.status}). A perda de validação foi mínima na época ${v.best} (${v.valBest}); são esses os pesos que o modelo guarda.
As duas curvas andam lado a lado, sem sinal de decoreba: a L2 e a parada antecipada mantêm a rede honesta.`,
  curveAlt: 'Perda de treino e de validação da rede de AVC, com a melhor época marcada.',
  threshold: (v) => `**5. O limiar de decisão**
A rede devolve uma probabilidade. Onde traçar a linha entre "alertar" e "não alertar" é outra decisão, tomada nas linhas de validação: o bot escolhe o limiar que maximiza o J de Youden (sensibilidade + especificidade - 1).
Aqui: alertar quando P(AVC) ≥ **${v.threshold}**.
Por que não 0,5? Com pesos de classe as probabilidades ficam deslocadas, e o melhor equilíbrio para uma triagem raramente fica em 0,5.`,
  verdict: (v) => `**6. O veredito honesto, nos pacientes de teste**
- AUC ROC **${v.auc}** (0,5 = cara ou coroa)
- sensibilidade **${v.recall}**: ${v.found} de ${v.positives} AVCs apontados
- precisão ${v.precision}: ${v.falseAlarms} alarmes falsos
- acurácia ${v.accuracy}, abaixo da linha de base de sempre dizer "não" (${v.baseline}), que não acha AVC nenhum
Uma ferramenta de triagem troca alarmes falsos por AVCs encontrados; a matriz de confusão e a curva ROC mostram essa troca.`,
  confusionAlt: 'Matriz de confusão da rede de AVC nos pacientes de teste.',
  rocAlt: 'Curva ROC da rede de AVC nos pacientes de teste.',
  learned: (v) => `**7. O que ela aprendeu?**
As entradas com o maior peso total para a camada oculta (o que os funcionários mais escutam): ${v.top}.
Leia isso como pista, não como descoberta. Estas linhas sintéticas foram geradas com um risco que cresce com idade, hipertensão, doença cardíaca e glicose, então a idade lá em cima é um bom sinal. Outros nomes podem aparecer por motivos mais fracos: pesos se cancelam entre si, e colunas correlacionadas dividem o crédito. E um peso grande nunca é causa: o modelo encontra associações nos dados, e nada mais.`,
  limits: `**8. Limites, com honestidade**
- Com só algumas centenas de AVCs, os números mudam de uma divisão para outra: o \`/train\` com \`folds\` faz validação cruzada e mostra a variação.
- Um modelo é tão bom quanto os seus dados: o conjunto real é pequeno e os pacientes dele não são uma amostra aleatória de país nenhum.
- Esta é uma demonstração educativa, **não é orientação médica**.
Experimente: \`/train\` com o dataset \`stroke\` (o bot usa o arquivo real quando quem o opera configurou um) e depois leia a história do seu próprio treino.`,
};
