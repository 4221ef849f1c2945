// placeholder: replaced by the real handler
export const handler = async (event: unknown): Promise<unknown> => {
  console.log(JSON.stringify({ msg: 'placeholder handler', event }));
  return { statusCode: 200, body: '' };
};
